printf -- '---\nid: demo\nlang: es\n---\n\nHola[^1].\n\n[^1]: Nota.\n' > demo.md
"$ALINEA" inspect --format json demo.md
