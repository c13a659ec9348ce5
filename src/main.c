#include "kubesim.h"

int
main(int argc, char **argv)
{
	return kubesim_main(argc, argv);
}
