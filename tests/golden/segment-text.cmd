printf 'Acabo de recibir su carta. Qué alegría nos ha causado a N.I.[^2] y a mí.\nSi no es posible de inmediato ¿puede que lo sea más tarde? ¡Cómo nos alegraría!\n\nSé que usted se relacionó con Ch. Plisnier; dedican sus obras… al Gosizdat. Fin.\n' > letter.txt
"$ALINEA" segment --lang es letter.txt
printf '« Viens ! » dit-elle. M. Dupont arrive\xe2\x80\xaf? Oui.\n' | "$ALINEA" segment --lang fr -
