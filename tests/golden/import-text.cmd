# Text as people copy it from web pages: front matter read, lines of no-break spaces blank,
# "[n]", "(n)" and superscript references tied to the notes block at the end, a folder created
# for the output; text with no blank line between paragraphs, with a warning.
printf -- '---\ntitle: Bienvenida\nauthor: León Trotsky\n---\n\nQuerido amigo [1],\n\302\240\nAcabo de recibir su carta (2). ¡Qué alegría³!\n\343\200\200\nNotas\n\n[1] Victor Serge.\n(2) Escrita en Bruselas,\nen abril.\n³ Natalia Sedova.\n' > copied.txt
"$ALINEA" import --lang es --from text copied.txt -o corpora/prueba/es.md
cat corpora/prueba/es.md
printf 'Un párrafo copiado de una página web, entero en su línea.\nOtro párrafo.\nY el último.\n' > lines.txt
"$ALINEA" import --lang es --from text lines.txt
