"""The application's names and its one reverse-DNS id, used everywhere the desktop needs them."""

APP_ID = "uk.org.painmentalhealthguide.GuideApp"
APP_NAME = "Pain & Mental Health Guide"
# QStandardPaths builds folder names from these; kept short and free of characters Windows rejects.
ORG_NAME = "PainMentalHealthGuide"
ORG_DOMAIN = "painmentalhealthguide.org.uk"
DATA_FOLDER_NAME = "guide-app"
