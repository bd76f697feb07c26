"""The laptop side of sync: enrolment, push and pull, attachments, background runner."""
