set +e
"$ALINEA" frobnicate; echo "status $?"
"$ALINEA" inspect; echo "status $?"
"$ALINEA" inspect --format yaml x.md; echo "status $?"
"$ALINEA" inspect missing.md; echo "status $?"
