# bash completion for vind: commands, each command's options (read from its --help, so they are
# never out of date), the values of --sort and --stemmer, and files where a path is expected.
_vind() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} vind=${COMP_WORDS[0]}
  local command=${COMP_WORDS[1]}
  if ((COMP_CWORD == 1)); then
    # CLI11 lists the commands under "Subcommands:", two spaces in.
    COMPREPLY=($(compgen -W "$("$vind" --help 2>/dev/null |
      sed -n '/^Subcommands:/,$ s/^  \([a-z][a-z]*\) .*/\1/p') --help --version" -- "$cur"))
    return
  fi
  local help
  help=$("$vind" "$command" --help 2>/dev/null)
  case $prev in
    --sort) COMPREPLY=($(compgen -W "relevance date" -- "$cur")); return ;;
    --stemmer) COMPREPLY=($(compgen -W "dutch kraaij_pohlmann" -- "$cur")); return ;;
  esac
  # An option that takes a value shows its kind in --help ("  --db PATH", "  --limit N:1-1000"):
  # paths are completed, numbers, addresses and origins left to the user.
  if [[ $prev == --* ]] && grep -q -- "^  $prev [A-Z]" <<<"$help"; then
    if grep -q -E -- "^  $prev (PATH|DIR|FILE)" <<<"$help"; then
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
    fi
    return
  fi
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(grep -o -- '--[a-z0-9-]*' <<<"$help" | sort -u)" -- "$cur"))
  elif [[ $command == index || $command == inspect || $command == stats ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
}
complete -F _vind vind
