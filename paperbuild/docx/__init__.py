"""The Word writer: the placed document as a .docx with real footnotes, through pandoc."""
