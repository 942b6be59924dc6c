"""Rendering: template context, Vietnamese filters, the report body, the docx engine."""
