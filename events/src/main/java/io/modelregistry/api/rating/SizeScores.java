package io.modelregistry.api.rating;

/** How well the model's weights fit each reference device, each in [0, 1] (the contract's {@code size_score}). */
public record SizeScores(double raspberryPi, double jetsonNano, double desktopPc, double awsServer) {

    public static SizeScores zero() {
        return new SizeScores(0, 0, 0, 0);
    }

    /** The device the model fits best: what the ingest gate looks at. */
    public double best() {
        return Math.max(Math.max(raspberryPi, jetsonNano), Math.max(desktopPc, awsServer));
    }
}
