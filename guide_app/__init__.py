"""Pain & Mental Health Guide: an offline desktop guide for clinicians."""

__version__ = "0.1.0"
