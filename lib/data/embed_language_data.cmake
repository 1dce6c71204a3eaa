# Turns the language data (lib/data/<kind>/<lang>.txt) into a C++ source, so the library needs
# no data path at run time.
#   cmake -DOUTPUT=file.cpp -DINPUT_DIR=dir -P embed_language_data.cmake
file(GLOB lists ${INPUT_DIR}/*/*.txt)
list(SORT lists)
set(body "")
foreach(list_file ${lists})
  get_filename_component(lang ${list_file} NAME_WE)
  get_filename_component(kind_dir ${list_file} DIRECTORY)
  get_filename_component(kind ${kind_dir} NAME)
  file(READ ${list_file} content)
  string(APPEND body
    "  if (kind == \"${kind}\" && lang == \"${lang}\") return R\"alinea_data(${content})alinea_data\";\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from lib/data by embed_language_data.cmake; do not edit.
#include \"segment/segment_data.hpp\"

namespace alinea::detail {

std::string_view language_data(std::string_view kind, std::string_view lang) {
${body}  return {};
}

}  // namespace alinea::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
