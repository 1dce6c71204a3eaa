printf '' | "$ALINEA" segment --lang es -
printf 'caf\xc3 y m\xc3\xa1s\n' > bad.txt
"$ALINEA" segment --lang es bad.txt || echo "status $?"
printf '{"text": "ok."}\n[1, 2]\n' | "$ALINEA" segment --lang es --jsonl || echo "status $?"
printf '{"text": 3}\n' | "$ALINEA" segment --lang es --jsonl || echo "status $?"
printf 'not json\n' | "$ALINEA" segment --lang es --jsonl || echo "status $?"
"$ALINEA" segment || echo "status $?"
