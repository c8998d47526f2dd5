"""Excel: add and find rows of a workbook's table, through Microsoft Graph."""
