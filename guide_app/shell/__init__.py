"""The running process: app start, single instance, crash handler, signals, logs, smoke test."""
