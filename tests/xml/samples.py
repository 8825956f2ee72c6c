"""Small TEI documents shared by the reader and writer tests."""

SAMPLE = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="x.rng"?>
<!-- before -->
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:ex="http://example.org/ex">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
  </teiHeader>
  <text>
    <body>
      <p xml:id="p1" ex:flag="yes">On <date when="1934-13-45">the 45th</date>,
        <persName ref="#kirov">Kirov</persName> <sp who="#x">unknown</sp><!-- c --> tail</p>
    </body>
  </text>
</TEI>
"""
