# SPDX-License-Identifier: MIT
# libhyphen ships no pkg-config file (Debian: libhyphen-dev); its patterns come
# from hyphen-fr and hyphen-en-us in /usr/share/hyphen.
find_path(HYPHEN_INCLUDE_DIR hyphen.h)
find_library(HYPHEN_LIBRARY hyphen)
find_path(HYPHEN_DICT_DIR hyph_fr.dic PATHS /usr/share/hyphen NO_DEFAULT_PATH)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hyphen
    REQUIRED_VARS HYPHEN_LIBRARY HYPHEN_INCLUDE_DIR HYPHEN_DICT_DIR)
if(Hyphen_FOUND AND NOT TARGET Hyphen::Hyphen)
    add_library(Hyphen::Hyphen UNKNOWN IMPORTED)
    set_target_properties(Hyphen::Hyphen PROPERTIES
        IMPORTED_LOCATION ${HYPHEN_LIBRARY}
        INTERFACE_INCLUDE_DIRECTORIES ${HYPHEN_INCLUDE_DIR})
endif()
