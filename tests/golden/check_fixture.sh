# Sourced by the check-*.cmd and coverage-*.cmd golden cases: writes a small corpus repository
# (two documents we wrote, an alignment, alinea.yaml) in the working directory.
# make_repository clean   → an alignment with no findings
# make_repository flawed  → one finding of most rules
make_repository() {
  mkdir -p corpora/w alignments
  cat >corpora/w/fr.md <<'DOC'
---
id: w
lang: fr
---

Le 24 avril 1936, Victor Serge arriva à Bruxelles[^1].

Blumkine fut fusillé. Boutov mourut en prison. Qui l'a voulu ?

Il y avait 1 000 ouvriers et 1,5 tonne de papier.

Préface de l'éditeur.

Le même texte reste ici sans traduction.

[^1]: Voir la lettre de Trotsky.
DOC
  cat >corpora/w/es.md <<'DOC'
---
id: w
lang: es
---

El 24 de abril de 1936, Victor Serge llegó a Bruxelles[^1].

Blumkin fue fusilado. Butov murió en la cárcel. ¿Quién lo quiso?

Había 1.000 obreros y 1.5 toneladas de papel.

Le même texte reste ici sans traduction.

[^1]: Ver la carta de Trotsky.
DOC
  # No hunspell dictionaries: the findings do not depend on which ones the machine has.
  cat >alinea.yaml <<'DOC'
alinea: 1
check: {dictionaries: ""}
works:
  - id: w
    documents:
      fr: corpora/w/fr.md
      es: corpora/w/es.md
    alignments:
      - {source: fr, target: es, file: alignments/w.fr-es.yaml}
DOC
  if [ "$1" = clean ]; then
    cat >alignments/w.fr-es.yaml <<'DOC'
alinea: 1
source: {path: corpora/w/fr.md, lang: fr}
target: {path: corpora/w/es.md, lang: es}
notes:
  - link: {src: [n1], tgt: [n1], status: reviewed}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: reviewed}
  - link: {src: [p2], tgt: [p2], status: auto, confidence: 0.9}
    sentences:
      - {src: [p2.s1], tgt: [p2.s1], status: auto, confidence: 0.9}
      - {src: [p2.s2], tgt: [p2.s2], status: auto, confidence: 0.9}
      - {src: [p2.s3], tgt: [p2.s3], status: auto, confidence: 0.9}
  - link: {src: [p3], tgt: [p3], status: auto, confidence: 0.9}
  - link: {src: [p4], tgt: [], status: reviewed, omitted: "editor's preface"}
  - link: {src: [p5], tgt: [p4], status: reviewed, note: "left in French on purpose"}
DOC
    # The last link is a deliberate identity: the project turns that rule off for this work.
    sed -i 's|^      - {source: fr, target: es, file: alignments/w.fr-es.yaml}|&\n    check: {rules: {qa/identical: off}}|' alinea.yaml
  else
    cat >alignments/w.fr-es.yaml <<'DOC'
alinea: 1
source: {path: corpora/w/fr.md, lang: fr}
target: {path: corpora/w/es.md, lang: es}
notes:
  - link: {src: [n1], tgt: [n1], status: reviewed, fp: [00000000, 00000000]}
paragraphs:
  - link: {src: [p1], tgt: [p1], status: auto, confidence: 0.9}
  - link: {src: [p2], tgt: [p3], status: auto, confidence: 0.9}
  - link: {src: [p3], tgt: [p2], status: auto, confidence: 0.9}
  - link: {src: [p3, p9], tgt: [p4], stauts: auto, confidence: 0.9}
  - link: {src: [p5], tgt: [p4], status: auto, confidence: 0.9}
DOC
    sed -i 's/1936, Victor/1963, Victor/; s/Victor Serge/Victor Kibálchich/; s/¿Quién/Quién/' corpora/w/es.md
  fi
}
