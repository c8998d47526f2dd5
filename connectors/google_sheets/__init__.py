"""Google Sheets: rows in, rows out, and a trigger on new rows."""
