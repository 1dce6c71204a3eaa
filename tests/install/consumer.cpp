// A program outside the project that uses the installed library. Every public header is included:
// none may need an internal one (run.cmake also checks that these are all the headers installed).
#include <alinea/aligner.hpp>
#include <alinea/alignment.hpp>
#include <alinea/base.hpp>
#include <alinea/check.hpp>
#include <alinea/document.hpp>
#include <alinea/render.hpp>
#include <alinea/review.hpp>
#include <alinea/segment.hpp>
#include <iostream>

int main() {
  const alinea::Document document =
      alinea::parse_document("---\nlang: es\n---\n\nHola[^1].\n\n[^1]: Nota.\n", "consumer.md");
  std::cout << document.paragraphs.at(0).id << ' ' << document.notes.at(0).id << '\n';
  return 0;
}
