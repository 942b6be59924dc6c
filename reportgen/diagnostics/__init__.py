"""One model for every problem reportgen reports: errors that stop a command and diagnostics
that describe what is wrong, where, and how to fix it."""
