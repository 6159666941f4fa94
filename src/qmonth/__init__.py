"""qmonth: answers questions about China's national Quality Month circulars."""
