"""Journals as data: their rules, the files each wants, and the checks of a submission."""
