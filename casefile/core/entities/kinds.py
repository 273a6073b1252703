"""What an entity is (stored values; they never change once shipped)."""

from __future__ import annotations

from enum import StrEnum


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PUBLIC_BODY = "public_body"  # a regulator, ministry, court, parliament committee
    PLACE = "place"
    PRODUCT = "product"  # a product or service
    OTHER = "other"
