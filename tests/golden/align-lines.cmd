# alinea align --lines: the benchmark mode, one sentence per line, gold-format links out.
exec 2>&1
set +e
cat > fr.txt <<'TEXT'
Le camarade Victor Serge est arrivé à Paris le 17 avril 1936.
Il a passé trois ans en déportation à Orenbourg.
Sa libération est une victoire de la solidarité internationale.
Nous le saluons chaleureusement !
Mais la lutte continue : des milliers de révolutionnaires restent en prison.
Qui les défendra, sinon nous ?
TEXT
cat > es.txt <<'TEXT'
El camarada Victor Serge llegó a París el 17 de abril de 1936.
Pasó tres años deportado en Orenburgo, y su liberación es una victoria de la solidaridad internacional.
¡Lo saludamos calurosamente!
Pero la lucha continúa.
Miles de revolucionarios siguen en prisión.
¿Quién los defenderá, si no nosotros?
TEXT
echo "--- aligned"
"$ALINEA" align --lines fr.txt es.txt --src-lang fr --tgt-lang es; echo "status $?"
echo "--- what each confidence is computed from: posterior, leaked tokens, shortest unit (one line per link)"
"$ALINEA" align --lines fr.txt es.txt --src-lang fr --tgt-lang es -o links.txt --confidence-features features.txt; echo "status $?"
paste -d ' ' links.txt features.txt
echo "--- length only"
"$ALINEA" align --lines fr.txt es.txt --src-lang fr --tgt-lang es --signals length; echo "status $?"
echo "--- one side empty"
: > empty.txt
"$ALINEA" align --lines fr.txt empty.txt --src-lang fr --tgt-lang es; echo "status $?"
"$ALINEA" align --lines empty.txt empty.txt --src-lang fr --tgt-lang es; echo "status $?"
echo "--- bad input"
printf 'bien\nmal \xff ici\n' > bad.txt
"$ALINEA" align --lines bad.txt es.txt --src-lang fr --tgt-lang es; echo "status $?"
"$ALINEA" align --lines fr.txt missing.txt --src-lang fr --tgt-lang es; echo "status $?"
"$ALINEA" align --lines fr.txt es.txt --tgt-lang es; echo "status $?"
"$ALINEA" align --lines fr.txt es.txt --src-lang fr --tgt-lang es --signals colour; echo "status $?"
