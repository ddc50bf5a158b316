# Year-end surplus allocation of a cooperative (AUSCOOP).
