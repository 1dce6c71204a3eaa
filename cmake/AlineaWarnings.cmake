# Warnings and sanitizers shared by every target of the project: alinea_build_flags(TARGET).
set(ALINEA_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)

# GCC 12's flow-based warnings fire falsely inside libstdc++ at -O3 (std::string and
# std::optional inlined into our code: GCC bugs 105329, 105651, 107138). They stay on in the dev
# and asan builds, which see the same code less inlined.
set(ALINEA_GCC_O3_FALSE_POSITIVES
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<CONFIG:Release>>:-Wno-null-dereference;-Wno-restrict;-Wno-maybe-uninitialized>)

function(alinea_build_flags target)
  target_compile_options(${target} PRIVATE ${ALINEA_WARNING_FLAGS} ${ALINEA_GCC_O3_FALSE_POSITIVES})
  if(ALINEA_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(ALINEA_SANITIZE)
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()
