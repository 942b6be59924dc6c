"""Report definitions: YAML loading with line numbers, the schema, the model."""
