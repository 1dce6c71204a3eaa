# Turns the abbreviation lists into a C++ source, so the library needs no data path at run time.
#   cmake -DOUTPUT=file.cpp -DINPUT_DIR=dir -P embed_abbreviations.cmake
file(GLOB lists ${INPUT_DIR}/*.txt)
list(SORT lists)
set(body "")
foreach(list_file ${lists})
  get_filename_component(lang ${list_file} NAME_WE)
  file(READ ${list_file} content)
  string(APPEND body "  if (lang == \"${lang}\") return R\"alinea_data(${content})alinea_data\";\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from lib/data/abbreviations by embed_abbreviations.cmake; do not edit.
#include \"segment_data.hpp\"

namespace alinea::detail {

std::string_view abbreviation_list(std::string_view lang) {
${body}  return {};
}

}  // namespace alinea::detail
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.tmp)
