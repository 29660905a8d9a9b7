# SPDX-License-Identifier: MIT
# dsr_target_defaults(target): the warnings, GLib version guard and sanitizer
# flags every dossier target is built with.
function(dsr_target_defaults target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wshadow -Wformat=2 -Wstrict-prototypes -Wmissing-prototypes
        -Wwrite-strings -Wpointer-arith)
    if(DOSSIER_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        G_LOG_DOMAIN="dossier"
        GLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74
        GLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74)
    if(DOSSIER_SANITIZE)
        target_compile_options(${target} PRIVATE
            -fsanitize=${DOSSIER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
        target_link_options(${target} PRIVATE -fsanitize=${DOSSIER_SANITIZE})
    endif()
endfunction()
