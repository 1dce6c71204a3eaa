# Text in any script: Japanese (wide), Arabic (right to left), Devanagari and Vietnamese
# (combining marks), Greek, an emoji. test_render checks that no line is wider than the width.
mkdir -p corpora alignments && : > alinea.yaml
printf -- '---\nid: w\nlang: ja\n---\n\n東京の国立国会図書館で、古い書簡を一日中読んでいました。\n\nमैंने पत्र पढ़ा। Tôi đã đọc lá thư.\n' > corpora/ja.md
printf -- '---\nid: w\nlang: ar\n---\n\nقرأت الرسائل القديمة طوال اليوم في المكتبة الوطنية.\n\nΔιάβασα το γράμμα 🙂.\n' > corpora/ar.md
cat > alignments/w.ja-ar.yaml <<'YAML'
alinea: 1
source: {path: corpora/ja.md, lang: ja}
target: {path: corpora/ar.md, lang: ar}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.5}
  - link: {src: [p2], tgt: [p2], status: reviewed}
YAML
for width in 20 33 50 80; do
  "$ALINEA" show alignments/w.ja-ar.yaml --width $width
done
"$ALINEA" show alignments/w.ja-ar.yaml --format tsv
