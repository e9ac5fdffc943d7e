/* mandelbrot.c — f64 math in a tight loop: escape-time iteration over a grid. */
#include <stdint.h>
#include <stdio.h>

int main(void) {
    volatile int size = 2000;
    const int max_iter = 50;
    uint32_t hash = 2166136261u;
    long inside = 0;
    for (int py = 0; py < size; py++) {
        double ci = 2.0 * py / size - 1.0;
        for (int px = 0; px < size; px++) {
            double cr = 2.0 * px / size - 1.5;
            double zr = 0, zi = 0;
            int k = 0;
            while (k < max_iter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                k++;
            }
            if (k == max_iter) inside++;
            hash = (hash ^ (uint32_t)k) * 16777619u;
        }
    }
    printf("mandelbrot %dx%d: %ld points inside, hash %08x\n", size, size, inside, hash);
    return 0;
}
