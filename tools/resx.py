#!/usr/bin/env python3
"""Writes the two .resx files of the web app (Vietnamese neutral, English) from Resources/*.tsv.
The .tsv files (one per feature) are the one place translators edit: key<TAB>Tiếng Việt<TAB>English."""
import glob, os, sys
from xml.sax.saxutils import escape
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'RegLookup.Web', 'Resources')
rows = [(os.path.basename(p), l.rstrip('\n').split('\t'))
        for p in sorted(glob.glob(os.path.join(root, '*.tsv')))
        for l in open(p, encoding='utf-8') if l.strip() and not l.startswith('#')]
seen = {}
for name, r in rows:
    if len(r) != 3: sys.exit(f'{name}: bad row {r}')
    if r[0] in seen: sys.exit(f'{name}: key {r[0]} already in {seen[r[0]]}')
    seen[r[0]] = name
rows = [r for _, r in rows]
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for suffix, col in (('', 1), ('.en', 2)):
    with open(os.path.join(root, f'Messages{suffix}.resx'), 'w', encoding='utf-8') as f:
        f.write(head)
        for r in rows:
            f.write(f'  <data name="{escape(r[0])}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n')
        f.write('</root>\n')
print(f'{len(rows)} messages')
