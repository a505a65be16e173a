"""The privacy note shown wherever a review is started or edited."""

PRIVACY_NOTE = (
    "Reviews are about services, not patients. Do not record anything that could identify a "
    "person who uses the service: no names, NHS numbers, dates of birth or addresses."
)
