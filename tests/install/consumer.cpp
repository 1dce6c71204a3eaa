// A program outside the project that uses the installed library.
#include <alinea/document.hpp>
#include <iostream>

int main() {
  const alinea::Document document =
      alinea::parse_document("---\nlang: es\n---\n\nHola[^1].\n\n[^1]: Nota.\n", "consumer.md");
  std::cout << document.paragraphs.at(0).id << ' ' << document.notes.at(0).id << '\n';
  return 0;
}
