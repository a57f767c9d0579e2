"""Stage 4, what people read: the HTML report, its workbook and the figures."""
