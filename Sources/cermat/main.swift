import CermatCLI

CermatCommand.main()
