"""Responses, the people waiting to hear about them, and the statutory register."""

from you_said_we_did.models.loop import CheckBackAnswer, ResponseEvent, Subscriber
from you_said_we_did.models.pages import (
    RegisterEditionPage,
    ResponseEvidence,
    ResponseFeedback,
    ResponseIndexPage,
    ResponsePage,
    ResponseService,
    ResponseStatus,
    ResponseUpdate,
)

__all__ = [
    "CheckBackAnswer",
    "RegisterEditionPage",
    "ResponseEvent",
    "ResponseEvidence",
    "ResponseFeedback",
    "ResponseIndexPage",
    "ResponsePage",
    "ResponseService",
    "ResponseStatus",
    "ResponseUpdate",
    "Subscriber",
]
