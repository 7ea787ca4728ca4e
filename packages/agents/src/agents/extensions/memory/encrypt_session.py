"""``EncryptedSession``, at its official path (extra ``encrypt``)."""

from .._optional import missing_distribution

try:
    from agents_extensions.memory.encrypt_session import EncryptedEnvelope as EncryptedEnvelope
    from agents_extensions.memory.encrypt_session import EncryptedSession as EncryptedSession
except ModuleNotFoundError as exc:
    missing_distribution(exc, __name__, "encrypt")

__all__ = ("EncryptedEnvelope", "EncryptedSession")
