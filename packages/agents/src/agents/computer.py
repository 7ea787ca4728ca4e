"""Computers driven by the computer-use tool (from ``agents_openai``)."""

from agents_openai import AsyncComputer as AsyncComputer
from agents_openai import Button as Button
from agents_openai import Computer as Computer
from agents_openai import Environment as Environment

__all__ = (
    "AsyncComputer",
    "Button",
    "Computer",
    "Environment",
)
