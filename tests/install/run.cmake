# Installs the built library into a scratch prefix, then builds and runs a consumer against it.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix
                RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "install failed")
endif()
# The public API is these headers and no other (docs/ARCHITECTURE.md, "Public API"): an internal
# header installed by mistake, or a public one left out, fails the test.
file(GLOB installed RELATIVE ${WORK_DIR}/prefix/include/alinea ${WORK_DIR}/prefix/include/alinea/*)
list(SORT installed)
set(expected aligner.hpp alignment.hpp base.hpp check.hpp document.hpp render.hpp review.hpp
             segment.hpp)
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "installed headers: ${installed}; expected: ${expected}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/consumer
                        -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix
                        "-DCMAKE_CXX_FLAGS=${CONSUMER_FLAGS}"
                        "-DCMAKE_EXE_LINKER_FLAGS=${CONSUMER_FLAGS}" RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "configuring the consumer failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK_DIR}/consumer RESULT_VARIABLE result)
if(result)
  message(FATAL_ERROR "building the consumer failed")
endif()
execute_process(COMMAND ${WORK_DIR}/consumer/consumer RESULT_VARIABLE result
                OUTPUT_VARIABLE output)
if(result OR NOT output MATCHES "p1 n1")
  message(FATAL_ERROR "the consumer did not run as expected: ${output}")
endif()
