"""What pravka knows about Russian as a language, in one place, imported downward by every stage.

* ``alphabet`` — the letters, vowels and consonants; Latin look-alikes of Cyrillic letters; the shapes
  OCR confuses; ё/е folding; carrying letter case over to a replacement.
* ``keyboard`` — the ЙЦУКЕН layout and which keys are neighbours.
* ``sound`` — spellings that sound alike and the sound key that folds them.
* ``punctuation`` — sentence ends, opening and closing marks, hyphens, invisible characters.
* ``grammar`` — preposition government, parts of speech that take case or agree, relative and
  function words, the dictionary's marks for misspelt forms.

Nothing here imports another pravka module: tokenize, the lexicon, candidates, ranking and the
detectors import from here, never the other way.
"""
