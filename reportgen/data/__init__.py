"""Reading the figures: CSV/XLSX files, encodings, Vietnamese numbers, unit names."""
