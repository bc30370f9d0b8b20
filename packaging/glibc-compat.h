/* Force-included into every C file of the bundle's CPython (packaging/build-linux.sh) so that it runs on
 * glibc 2.28 (统信 UOS 20) although it is built on Debian 11 (glibc 2.31).  glibc 2.29 added new versions of
 * exp, log, pow, exp2 and log2 (faster, same results within 1 ulp); binding the old versions keeps the
 * binary loadable on 2.28.  (sem_clockwait, 2.30, is configured out: ac_cv_func_sem_clockwait=no.) */
#ifndef NIANBAO_GLIBC_COMPAT_H
#define NIANBAO_GLIBC_COMPAT_H
#if defined(__GLIBC__) || defined(__linux__)
#  if defined(__x86_64__)
#    define NIANBAO_OLD_LIBM "GLIBC_2.2.5"
#  elif defined(__aarch64__)
#    define NIANBAO_OLD_LIBM "GLIBC_2.17"
#  endif
#  ifdef NIANBAO_OLD_LIBM
__asm__(".symver exp,exp@" NIANBAO_OLD_LIBM);
__asm__(".symver log,log@" NIANBAO_OLD_LIBM);
__asm__(".symver pow,pow@" NIANBAO_OLD_LIBM);
__asm__(".symver exp2,exp2@" NIANBAO_OLD_LIBM);
__asm__(".symver log2,log2@" NIANBAO_OLD_LIBM);
#  endif
#endif
#endif
