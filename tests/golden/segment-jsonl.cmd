printf '{"id": 1, "text": "Hola Srta. Ledesma. ¿Cómo está? Bien."}\n\n{"text": "Un \\"dato\\". Otro."}\n' | "$ALINEA" segment --lang es --jsonl
