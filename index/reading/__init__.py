"""Reading the lines of a page: what each line is (lines), who wrote it (bylines), full
dates (datelines), the head above the story (head), chrome inside it (chrome), HTML pages
(webpage). The entry point that puts them together is `index/articles.py`."""
