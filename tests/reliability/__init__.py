"""Reliability and safety: offline use, awkward places, two instances, scale."""
