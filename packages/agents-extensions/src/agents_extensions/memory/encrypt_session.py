"""``EncryptedSession``: any session, encrypted and expiring (extra ``encrypt``)."""

from .._memory._encrypted import EncryptedEnvelope as EncryptedEnvelope
from .._memory._encrypted import EncryptedSession as EncryptedSession

__all__ = ("EncryptedEnvelope", "EncryptedSession")
