# libyaml (the YAML 1.1 parser and emitter in C behind PyYAML and Ruby's Psych) for the
# Kubernetes client, which reads and writes LlamaStack's run.yaml. Included from CMakeLists.txt
# after every target exists.
#
# Both builds compile the same source: Debian's source package `libyaml` (bookworm, 0.2.5-1,
# which carries no Debian patches). The wasm build cannot link the host's libyaml.so, and using
# the source natively too keeps one library and puts it under the sanitizers. The source is
# fetched once with apt-get from Debian's archive through a private sources list and state folder
# (no root, the machine's apt configuration untouched), checked against the hash below, and
# unpacked into .cache/. GENAI_LIBYAML_SOURCE_DIR points at an unpacked copy instead.
#
# Without libyaml the Kubernetes client is left out of the build with a warning, so the other
# services still build and test.

set(GENAI_LIBYAML_VERSION 0.2.5)
set(GENAI_LIBYAML_ORIG_SHA256 fa240dbf262be053f3898006d502d514936c818e422afdcf33921c63bed9bf2e)
set(GENAI_LIBYAML_SOURCE_DIR "${CMAKE_SOURCE_DIR}/.cache/libyaml-${GENAI_LIBYAML_VERSION}" CACHE PATH
    "Unpacked libyaml ${GENAI_LIBYAML_VERSION} source (fetched from Debian when missing)")

function(genai_fetch_libyaml_source)
  set(work "${CMAKE_SOURCE_DIR}/.cache/debian-src")
  set(apt "${work}/apt")
  file(MAKE_DIRECTORY "${apt}/lists/partial" "${apt}/archives/partial" "${work}/files")
  # The machine's own Debian archives, as source archives: each binary entry of its apt sources
  # ("deb" lines, "Types: deb" stanzas) copied as a "deb-src" one.
  file(MAKE_DIRECTORY "${apt}/parts")
  set(legacy "")
  if(EXISTS /etc/apt/sources.list)
    file(STRINGS /etc/apt/sources.list lines REGEX "^deb ")
    foreach(line ${lines})
      string(REGEX REPLACE "^deb " "deb-src " line "${line}")
      string(APPEND legacy "${line}\n")
    endforeach()
  endif()
  file(WRITE "${apt}/sources.list" "${legacy}")
  file(GLOB system_parts /etc/apt/sources.list.d/*.sources)
  foreach(part ${system_parts})
    file(READ "${part}" stanza)
    string(REGEX REPLACE "Types:[ \t]*deb\n" "Types: deb-src\n" stanza "${stanza}")
    get_filename_component(name "${part}" NAME)
    file(WRITE "${apt}/parts/${name}" "${stanza}")
  endforeach()
  set(options -q -o Dir::Etc::SourceList=${apt}/sources.list -o Dir::Etc::SourceParts=${apt}/parts
              -o Dir::State=${apt} -o Dir::State::Lists=${apt}/lists -o Dir::Cache=${apt}
              -o Dir::State::status=/var/lib/dpkg/status -o Debug::NoLocking=1
              -o APT::Sandbox::User=root)
  set(orig "${work}/files/libyaml_${GENAI_LIBYAML_VERSION}.orig.tar.gz")
  if(NOT EXISTS "${orig}")
    message(STATUS "libyaml: fetching Debian source package libyaml ${GENAI_LIBYAML_VERSION}")
    find_program(GENAI_APT_GET apt-get)
    if(NOT GENAI_APT_GET)
      message(WARNING "libyaml: apt-get not found")
      return()
    endif()
    execute_process(COMMAND ${GENAI_APT_GET} ${options} update
                    RESULT_VARIABLE updated OUTPUT_QUIET ERROR_VARIABLE updateErrors)
    if(updated EQUAL 0)
      execute_process(COMMAND ${GENAI_APT_GET} ${options} source --download-only libyaml=${GENAI_LIBYAML_VERSION}-1
                      WORKING_DIRECTORY "${work}/files" RESULT_VARIABLE fetched OUTPUT_QUIET ERROR_VARIABLE fetchErrors)
    endif()
    if(NOT EXISTS "${orig}")
      message(WARNING "libyaml: could not fetch the Debian source package:\n${updateErrors}${fetchErrors}")
      return()
    endif()
  endif()
  file(SHA256 "${orig}" hash)
  if(NOT hash STREQUAL GENAI_LIBYAML_ORIG_SHA256)
    file(REMOVE "${orig}")
    message(WARNING "libyaml: ${orig} has SHA-256 ${hash}, expected ${GENAI_LIBYAML_ORIG_SHA256}; removed")
    return()
  endif()
  file(ARCHIVE_EXTRACT INPUT "${orig}" DESTINATION "${CMAKE_SOURCE_DIR}/.cache")
endfunction()

if(NOT EXISTS "${GENAI_LIBYAML_SOURCE_DIR}/src/api.c")
  genai_fetch_libyaml_source()
endif()

if(EXISTS "${GENAI_LIBYAML_SOURCE_DIR}/src/api.c")
  enable_language(C)
  # Only the event parser and emitter are used (src/kubernetes/yaml.cpp converts events to and
  # from JSON), so the document loader and dumper are not compiled.
  set(libyaml_files api reader scanner parser writer emitter)
  list(TRANSFORM libyaml_files PREPEND "${GENAI_LIBYAML_SOURCE_DIR}/src/")
  list(TRANSFORM libyaml_files APPEND ".c")
  add_library(genai_libyaml STATIC ${libyaml_files})
  target_include_directories(genai_libyaml SYSTEM PUBLIC "${GENAI_LIBYAML_SOURCE_DIR}/include")
  target_compile_definitions(genai_libyaml PUBLIC YAML_DECLARE_STATIC
    PRIVATE YAML_VERSION_MAJOR=0 YAML_VERSION_MINOR=2 YAML_VERSION_PATCH=5
            YAML_VERSION_STRING="${GENAI_LIBYAML_VERSION}")
  target_compile_options(genai_libyaml PRIVATE -w)
  if(EMSCRIPTEN)
    target_compile_options(genai_libyaml PRIVATE -Os)
  endif()
  target_link_libraries(genai_core PRIVATE genai_libyaml)
  set(GENAI_HAVE_LIBYAML ON)
else()
  # Leave the Kubernetes client (the only user of YAML) out of every target.
  message(WARNING "libyaml is missing: building without the Kubernetes client")
  foreach(target genai_core genai_core_wasm genai_native_tests genai_wasm_tests)
    if(TARGET ${target})
      get_target_property(sources ${target} SOURCES)
      list(FILTER sources EXCLUDE REGEX "/src/kubernetes/|/bindings/kubernetes[^/]*$|/tests/native/test_kubernetes[^/]*$")
      set_property(TARGET ${target} PROPERTY SOURCES ${sources})
    endif()
  endforeach()
  set(GENAI_HAVE_LIBYAML OFF)
endif()
