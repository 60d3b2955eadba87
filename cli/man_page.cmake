# Writes vind.1 with help2man from `vind --help` and each command's --help, so the man page says
# what the binary says. cmake -DVIND=… -DHELP2MAN=… -DOUT=… -P man_page.cmake
execute_process(COMMAND "${VIND}" --help OUTPUT_VARIABLE help COMMAND_ERROR_IS_FATAL ANY)
# CLI11 lists the commands under "Subcommands:", one per line, two spaces in.
string(REGEX REPLACE ".*\nSubcommands:\n" "" listing "${help}")
string(REGEX MATCHALL "(^|\n)  [a-z]+ " names "${listing}")
set(include "[COMMANDS]\n")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND "${VIND}" ${name} --help OUTPUT_VARIABLE text COMMAND_ERROR_IS_FATAL ANY)
  # The exit codes the commands share are in the page once, from `vind --help`.
  string(REGEX REPLACE "\nExit codes:.*" "\n" text "${text}")
  # As roff text: a backslash is \e, a line starting with . or ' would be a request.
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  string(APPEND include ".SS \"vind ${name}\"\n.nf\n${text}.fi\n")
endforeach()
file(WRITE "${OUT}.h2m" "${include}")
execute_process(COMMAND "${HELP2MAN}" --no-info
                        --name "full-text search over Dutch documents"
                        --include "${OUT}.h2m" --output "${OUT}" "${VIND}"
                COMMAND_ERROR_IS_FATAL ANY)
