# Text as people copy it from web pages: front matter read, lines of no-break spaces blank,
# "[n]", "(n)" and superscript references tied to the notes block at the end, a folder created
# for the output; text with no blank line between paragraphs, with a warning.
printf -- '---\ntitle: Bienvenida\nauthor: León Trotsky\n---\n\nQuerido amigo [1],\n\302\240\nAcabo de recibir su carta (2). ¡Qué alegría³!\n\343\200\200\nNotas\n\n[1] Victor Serge.\n(2) Escrita en Bruselas,\nen abril.\n³ Natalia Sedova.\n' > copied.txt
"$ALINEA" import --lang es --from text copied.txt -o corpora/prueba/es.md
cat corpora/prueba/es.md
printf 'Un párrafo copiado de una página web, entero en su línea.\nOtro párrafo.\nY el último.\n' > lines.txt
"$ALINEA" import --lang es --from text lines.txt
# Copied text that is written like Markdown keeps its structure (docs/FORMAT.md): a heading, a
# quotation of two paragraphs, a bullet and a numbered list; a paragraph that opens with a year,
# a line of dialogue and "#x" stay text.
printf '## La huelga\n\nEl comité escribió:\n\n> Compañeros:\nla huelga sigue.\n>\n> Firmado, el comité.\n\nPedimos:\n\n1. La readmisión.\n2. Las ocho horas.\n\n- Ningún despido\n- Ninguna multa\n\n1936. El año de la huelga.\n\n- ¿Y ahora? - preguntó.\n\n#x no es un título.\n' > structure.txt
"$ALINEA" import --lang es --from text structure.txt
