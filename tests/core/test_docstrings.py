from typing import Any

import pytest

from agents_core._base.docstrings import (
    FuncDocumentation,
    detect_docstring_style,
    generate_func_documentation,
)


def google_style(city: str, days: int = 3, *extra: Any, **options: Any) -> None:
    """Fetch the weather forecast.

    Looks the city up first, then asks the
    forecast service.

    Args:
        city (str): The city to look up.
        days (int, optional): How many days to forecast,
            counting today. Capped at 10.
        *extra: Extra positional values.
        **options: Passed through: verbatim.

    Returns:
        The forecast text.

    Raises:
        ValueError: When the city is unknown.
    """


def numpy_style(city: str, days: int, unit: str) -> None:
    """Fetch the weather forecast.

    Parameters
    ----------
    city : str
        The city to look up.
    days, unit : int
        How many days to forecast,
        counting today.

    Returns
    -------
    str
        The forecast text.
    """


def sphinx_style(city: str, days: int, mapping: dict[str, int]) -> None:
    """Fetch the weather forecast.

    :param city: The city to look up.
    :type city: str
    :param int days: How many days to forecast,
        counting today.
    :param dict[str, int] mapping: Extra settings.
    :returns: The forecast text.
    :raises ValueError: When the city is unknown.
    """


def test_google_style_description_and_params() -> None:
    doc = generate_func_documentation(google_style)

    assert doc == FuncDocumentation(
        name="google_style",
        description="Fetch the weather forecast.\n\nLooks the city up first, then asks the\n"
        "forecast service.",
        param_descriptions={
            "city": "The city to look up.",
            "days": "How many days to forecast, counting today. Capped at 10.",
            "extra": "Extra positional values.",
            "options": "Passed through: verbatim.",
        },
    )


def test_google_style_stops_at_other_sections() -> None:
    doc = generate_func_documentation(google_style)

    assert doc.param_descriptions is not None
    assert "ValueError" not in doc.param_descriptions
    assert all("forecast text" not in text for text in doc.param_descriptions.values())


def test_google_style_arguments_header_and_later_keyword_section() -> None:
    def tool(a: int, b: int) -> None:
        """Add.

        Arguments:
            a: First.

        Note:
            Not a parameter: just a note.

        Keyword Args:
            b: Second.
        """

    doc = generate_func_documentation(tool, "google")

    assert doc.description == "Add."
    assert doc.param_descriptions == {"a": "First.", "b": "Second."}


def test_google_description_ends_at_the_first_section_even_if_not_args() -> None:
    def tool(a: int) -> int:
        """Double a number.

        Returns:
            Twice ``a``.

        Args:
            a: The number.
        """
        return a * 2

    doc = generate_func_documentation(tool)

    assert doc.description == "Double a number."
    assert doc.param_descriptions == {"a": "The number."}


def test_google_type_with_parentheses_and_colons_in_description() -> None:
    def tool(callback: Any) -> None:
        """Run.

        Args:
            callback (Callable[[int], tuple(int)]): Called as: callback(n).
        """

    doc = generate_func_documentation(tool)

    assert doc.param_descriptions == {"callback": "Called as: callback(n)."}


def test_numpy_style() -> None:
    doc = generate_func_documentation(numpy_style)

    assert doc.description == "Fetch the weather forecast."
    assert doc.param_descriptions == {
        "city": "The city to look up.",
        "days": "How many days to forecast, counting today.",
        "unit": "How many days to forecast, counting today.",
    }


def test_numpy_style_without_a_type() -> None:
    def tool(flag: bool) -> None:
        """Toggle.

        Parameters
        ----------
        flag
            Whether to switch it on.

        Raises
        ------
        RuntimeError
            Never documented as a parameter.
        """

    doc = generate_func_documentation(tool)

    assert doc.param_descriptions == {"flag": "Whether to switch it on."}


def test_sphinx_style() -> None:
    doc = generate_func_documentation(sphinx_style)

    assert doc.description == "Fetch the weather forecast."
    assert doc.param_descriptions == {
        "city": "The city to look up.",
        "days": "How many days to forecast, counting today.",
        "mapping": "Extra settings.",
    }


@pytest.mark.parametrize(
    ("func", "style"),
    [(google_style, "google"), (numpy_style, "numpy"), (sphinx_style, "sphinx")],
)
def test_detect_docstring_style(func: Any, style: str) -> None:
    assert detect_docstring_style(func.__doc__) == style


def test_detect_defaults_to_google_for_plain_prose() -> None:
    assert detect_docstring_style("Just a sentence.") == "google"


def test_explicit_style_overrides_detection() -> None:
    # Read as Google, a NumPy docstring has no Args section, so nothing is found.
    doc = generate_func_documentation(numpy_style, "google")

    assert doc.param_descriptions == {}


def test_no_docstring() -> None:
    def bare(a: int) -> None:
        pass

    assert generate_func_documentation(bare) == FuncDocumentation(
        name="bare", description=None, param_descriptions=None
    )


def test_docstring_with_only_a_summary() -> None:
    def tool() -> None:
        """Say hello."""

    doc = generate_func_documentation(tool)

    assert doc.description == "Say hello."
    assert doc.param_descriptions == {}


def test_docstring_with_only_params_has_no_description() -> None:
    def tool(a: int) -> None:
        """
        Args:
            a: The value.
        """

    doc = generate_func_documentation(tool)

    assert doc.description is None
    assert doc.param_descriptions == {"a": "The value."}
